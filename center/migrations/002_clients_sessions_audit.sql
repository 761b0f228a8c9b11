-- 002: clients and sessions shared by a center's counselors, the audit trail, and what
-- offline sync needs to deliver each change exactly once and never lose a side.
--
-- Counselors have no right on any table: they call the functions in center_api, which
-- run as center_api. Row-level security applies to center_api, so even those functions
-- see only the rows of the signed-in person's center. Every read or change of a client
-- record writes an audit row first; nobody but IT can change the audit trail.

SET LOCAL ROLE center_owner;

-- Answers are option ids keyed by question id: never free text. One pattern over jsonb's own
-- canonical text ({"question": "option", "other": ["a", "b"]}), with no function call per key,
-- so it inlines into CHECK constraints and stays fast for many rows at a time.
CREATE FUNCTION center.is_answer_map(answers jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
  SELECT answers::text ~ '^\{("[a-z0-9_]{1,64}": ("[a-z0-9_]{1,64}"|\[("[a-z0-9_]{1,64}"(, "[a-z0-9_]{1,64}")*)?\])(, "[a-z0-9_]{1,64}": ("[a-z0-9_]{1,64}"|\[("[a-z0-9_]{1,64}"(, "[a-z0-9_]{1,64}")*)?\]))*)?\}$'
$$;

CREATE TABLE center.clients (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  center_id integer NOT NULL REFERENCES center.centers (id),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  contact text CHECK (length(contact) <= 200),
  notes text NOT NULL CHECK (length(notes) <= 10000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Raised by one on every accepted change; a change names the version it started from.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by name NOT NULL DEFAULT session_user
);
CREATE INDEX clients_by_center_name ON center.clients (center_id, lower(display_name), id);

CREATE TABLE center.sessions (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  center_id integer NOT NULL REFERENCES center.centers (id),
  client_id text NOT NULL REFERENCES center.clients (id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  completed_at timestamptz,
  locale text NOT NULL CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$'),
  answers jsonb NOT NULL CHECK (center.is_answer_map(answers)),
  counselor_notes jsonb NOT NULL CHECK (jsonb_typeof(counselor_notes) = 'object'
    AND length(counselor_notes::text) <= 1000000),
  result jsonb CHECK (result IS NULL OR jsonb_typeof(result) = 'object'),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by name NOT NULL DEFAULT session_user
);
CREATE INDEX sessions_by_client ON center.sessions (client_id, started_at);
CREATE INDEX sessions_by_center_start ON center.sessions (center_id, started_at);

-- Who saw or changed which record, and when. No foreign keys: the trail outlives the record.
CREATE TABLE center.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  login name NOT NULL DEFAULT session_user,
  center_id integer NOT NULL,
  action text NOT NULL CHECK (action IN (
    'client.list', 'client.read', 'client.create', 'client.update',
    'session.read', 'session.create', 'session.update',
    'conflict.record', 'conflict.read', 'conflict.resolve')),
  client_id text,
  session_id text,
  -- A version number or a choice; never client data.
  detail text CHECK (length(detail) <= 200)
);
CREATE INDEX audit_by_center_time ON center.audit_log (center_id, at);
CREATE INDEX audit_by_client ON center.audit_log (client_id, at);

-- Rows are never changed or removed; privileges already forbid it to everyone but IT,
-- and this says so even to the table's owner.
CREATE FUNCTION center.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail cannot be changed or deleted' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON center.audit_log
  FOR EACH ROW EXECUTE FUNCTION center.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON center.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION center.refuse_audit_change();

-- Every change a computer sent, by the id the computer gave it: a change sent twice is
-- answered from here the second time, so it is applied exactly once.
CREATE TABLE center.applied_changes (
  change_id text PRIMARY KEY CHECK (change_id ~ '^[A-Za-z0-9_:-]{8,100}$'),
  center_id integer NOT NULL,
  login name NOT NULL DEFAULT session_user,
  kind text NOT NULL CHECK (kind IN ('client', 'session')),
  record_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'unchanged', 'conflict')),
  version integer NOT NULL,
  conflict_id bigint,
  at timestamptz NOT NULL DEFAULT now()
);

-- The same record changed on two computers: the center's copy stays as it is, and the
-- other computer's copy is kept here until a counselor chooses. Nothing is dropped.
CREATE TABLE center.conflicts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  center_id integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('client', 'session')),
  record_id text NOT NULL,
  client_id text NOT NULL REFERENCES center.clients (id) ON DELETE CASCADE,
  -- The version the other computer started from, and the center's version when it arrived.
  base_version integer,
  center_version integer NOT NULL,
  incoming jsonb NOT NULL,
  from_login name NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by name,
  resolution text CHECK (resolution IN ('kept-center', 'kept-incoming'))
);
-- One open conflict per record and computer login: a later edit of the same copy updates it.
CREATE UNIQUE INDEX conflicts_open_once ON center.conflicts (kind, record_id, from_login) WHERE resolved_at IS NULL;
CREATE INDEX conflicts_by_center ON center.conflicts (center_id) WHERE resolved_at IS NULL;

ALTER TABLE center.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE center.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE center.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE center.applied_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE center.conflicts ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_center ON center.clients TO center_api
  USING (center_id = (SELECT center.current_center())) WITH CHECK (center_id = (SELECT center.current_center()));
CREATE POLICY own_center ON center.sessions TO center_api
  USING (center_id = (SELECT center.current_center())) WITH CHECK (center_id = (SELECT center.current_center()));
CREATE POLICY own_center ON center.applied_changes TO center_api
  USING (center_id = (SELECT center.current_center())) WITH CHECK (center_id = (SELECT center.current_center()));
CREATE POLICY own_center ON center.conflicts TO center_api
  USING (center_id = (SELECT center.current_center())) WITH CHECK (center_id = (SELECT center.current_center()));
-- center_api may add audit rows for its own center and read none.
CREATE POLICY add_own_center ON center.audit_log FOR INSERT TO center_api
  WITH CHECK (center_id = (SELECT center.current_center()) AND login = session_user);

GRANT SELECT, INSERT, UPDATE ON center.clients, center.sessions, center.conflicts TO center_api;
GRANT SELECT, INSERT ON center.applied_changes TO center_api;
GRANT INSERT ON center.audit_log TO center_api;
GRANT EXECUTE ON FUNCTION center.is_answer_map(jsonb) TO center_api;

RESET ROLE;

-- The functions counselors call. Each is SECURITY DEFINER (it runs as center_api, which
-- row-level security still confines to the caller's center), pins its search_path, and
-- writes its audit rows in the same transaction as what it reads or changes.
SET LOCAL ROLE center_api;

-- The caller's center, or a refusal if the caller is not an active counselor.
CREATE FUNCTION center_api.counselor_center() RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  found_center integer := center.current_center();
BEGIN
  IF found_center IS NULL OR center.current_staff_kind() <> 'counselor' THEN
    RAISE EXCEPTION 'This login is not a counselor at a center' USING ERRCODE = '42501';
  END IF;
  RETURN found_center;
END
$$;

CREATE FUNCTION center_api.audit(p_action text, p_client text, p_session text DEFAULT NULL, p_detail text DEFAULT NULL)
RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
  INSERT INTO center.audit_log (center_id, action, client_id, session_id, detail)
  VALUES (center.current_center(), p_action, p_client, p_session, p_detail)
$$;

CREATE FUNCTION center_api.client_json(c center.clients) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT jsonb_build_object('id', c.id, 'displayName', c.display_name, 'contact', c.contact, 'notes', c.notes,
    'createdAt', center.iso(c.created_at), 'updatedAt', center.iso(c.updated_at))
$$;

CREATE FUNCTION center_api.session_json(s center.sessions) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT jsonb_build_object('id', s.id, 'clientId', s.client_id, 'startedAt', center.iso(s.started_at),
    'completedAt', center.iso(s.completed_at), 'locale', s.locale, 'answers', s.answers,
    'counselorNotes', s.counselor_notes, 'result', s.result)
$$;

-- The center's clients whose name or contact contains p_query (all for ''), by name.
-- One audit row per client shown: a list shows names and contacts.
CREATE FUNCTION center_api.list_clients(p_query text)
RETURNS TABLE (id text, display_name text, contact text, updated_at text, updated_by text, version integer,
  session_count bigint, last_session_at text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  PERFORM center_api.counselor_center();
  IF length(coalesce(p_query, '')) > 200 THEN
    RAISE EXCEPTION 'The search is too long' USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
  WITH shown AS (
    SELECT c.* FROM center.clients c
    WHERE coalesce(p_query, '') = ''
       OR strpos(lower(c.display_name), lower(p_query)) > 0
       OR strpos(lower(coalesce(c.contact, '')), lower(p_query)) > 0
    ORDER BY lower(c.display_name), c.id
    LIMIT 1000
  ), audited AS (
    INSERT INTO center.audit_log (center_id, action, client_id)
    SELECT center.current_center(), 'client.list', shown.id FROM shown
  )
  SELECT s.id, s.display_name, s.contact, center.iso(s.updated_at), s.updated_by::text, s.version,
    (SELECT count(*) FROM center.sessions x WHERE x.client_id = s.id),
    (SELECT center.iso(max(x.started_at)) FROM center.sessions x WHERE x.client_id = s.id)
  FROM shown s
  ORDER BY lower(s.display_name), s.id;
END
$$;

-- One client with every session, each with its version; for copying to this computer.
CREATE FUNCTION center_api.get_client(p_id text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_client center.clients;
  v_sessions jsonb;
BEGIN
  PERFORM center_api.counselor_center();
  SELECT * INTO v_client FROM center.clients c WHERE c.id = p_id;
  IF NOT FOUND THEN
    -- The same answer whether the id is unknown or another center's: nothing leaks.
    RAISE EXCEPTION 'That client is not in this center' USING ERRCODE = 'P0002';
  END IF;
  PERFORM center_api.audit('client.read', v_client.id, NULL, 'version ' || v_client.version);
  INSERT INTO center.audit_log (center_id, action, client_id, session_id, detail)
  SELECT center.current_center(), 'session.read', s.client_id, s.id, 'version ' || s.version
  FROM center.sessions s WHERE s.client_id = v_client.id;
  SELECT coalesce(jsonb_agg(jsonb_build_object('record', center_api.session_json(s), 'version', s.version)
    ORDER BY s.started_at, s.id), '[]'::jsonb)
  INTO v_sessions
  FROM center.sessions s WHERE s.client_id = v_client.id;
  RETURN jsonb_build_object('client', center_api.client_json(v_client), 'version', v_client.version,
    'sessions', v_sessions);
END
$$;

-- The versions the center holds for records this computer knows, to refresh its copies.
CREATE FUNCTION center_api.current_versions(p_known jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM center_api.counselor_center();
  IF jsonb_typeof(p_known) <> 'array' OR jsonb_array_length(p_known) > 100000 THEN
    RAISE EXCEPTION 'Expected a list of records' USING ERRCODE = '22023';
  END IF;
  RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k.kind, 'id', k.id, 'version',
      CASE k.kind
        WHEN 'client' THEN (SELECT c.version FROM center.clients c WHERE c.id = k.id)
        WHEN 'session' THEN (SELECT s.version FROM center.sessions s WHERE s.id = k.id)
      END)), '[]'::jsonb)
    FROM jsonb_to_recordset(p_known) AS k(kind text, id text)
  );
END
$$;

-- A client record as sent by a computer, checked and reduced to the fields the app keeps:
-- whatever else a crafted request carries is dropped, and a bad field is refused.
CREATE FUNCTION center_api.checked_client(p_record jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF jsonb_typeof(p_record) <> 'object'
     OR coalesce(p_record ->> 'id', '') !~ '^[A-Za-z0-9_-]{1,64}$'
     OR length(coalesce(p_record ->> 'displayName', '')) NOT BETWEEN 1 AND 120
     OR jsonb_typeof(p_record -> 'contact') NOT IN ('string', 'null')
     OR length(coalesce(p_record ->> 'contact', '')) > 200
     OR jsonb_typeof(p_record -> 'notes') <> 'string' OR length(p_record ->> 'notes') > 10000
     OR jsonb_typeof(p_record -> 'createdAt') <> 'string' OR jsonb_typeof(p_record -> 'updatedAt') <> 'string' THEN
    RAISE EXCEPTION 'A client record is missing a field or has one out of range' USING ERRCODE = '22023';
  END IF;
  RETURN jsonb_build_object('id', p_record -> 'id', 'displayName', p_record -> 'displayName',
    'contact', p_record -> 'contact', 'notes', p_record -> 'notes',
    'createdAt', center.iso((p_record ->> 'createdAt')::timestamptz),
    'updatedAt', center.iso((p_record ->> 'updatedAt')::timestamptz));
END
$$;

CREATE FUNCTION center_api.checked_session(p_record jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF jsonb_typeof(p_record) <> 'object'
     OR coalesce(p_record ->> 'id', '') !~ '^[A-Za-z0-9_-]{1,64}$'
     OR coalesce(p_record ->> 'clientId', '') !~ '^[A-Za-z0-9_-]{1,64}$'
     OR jsonb_typeof(p_record -> 'startedAt') <> 'string'
     OR jsonb_typeof(p_record -> 'completedAt') NOT IN ('string', 'null')
     OR coalesce(p_record ->> 'locale', '') !~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$'
     OR NOT coalesce(center.is_answer_map(p_record -> 'answers'), false)
     OR jsonb_typeof(p_record -> 'counselorNotes') <> 'object'
     OR length((p_record -> 'counselorNotes')::text) > 1000000
     OR jsonb_typeof(p_record -> 'result') NOT IN ('object', 'null') THEN
    RAISE EXCEPTION 'A session record is missing a field or has one out of range' USING ERRCODE = '22023';
  END IF;
  RETURN jsonb_build_object('id', p_record -> 'id', 'clientId', p_record -> 'clientId',
    'startedAt', center.iso((p_record ->> 'startedAt')::timestamptz),
    'completedAt', center.iso((p_record ->> 'completedAt')::timestamptz),
    'locale', p_record -> 'locale', 'answers', p_record -> 'answers',
    'counselorNotes', p_record -> 'counselorNotes', 'result', p_record -> 'result');
END
$$;

-- Writes one client as the change asks, or records a conflict. Runs inside push_changes.
CREATE FUNCTION center_api.apply_client(p_base integer, p_record jsonb) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_id text;
  v_row center.clients;
  v_contact text;
  v_conflict_id bigint;
BEGIN
  p_record := center_api.checked_client(p_record);
  v_id := p_record ->> 'id';
  v_contact := p_record ->> 'contact';
  SELECT * INTO v_row FROM center.clients c WHERE c.id = v_id FOR UPDATE;
  IF NOT FOUND THEN
    BEGIN
      INSERT INTO center.clients (id, center_id, display_name, contact, notes, created_at, updated_at, version)
      VALUES (v_id, center.current_center(), p_record ->> 'displayName', v_contact,
        coalesce(p_record ->> 'notes', ''), (p_record ->> 'createdAt')::timestamptz,
        (p_record ->> 'updatedAt')::timestamptz, 1);
    EXCEPTION WHEN unique_violation THEN
      -- The id is taken by a record this center cannot see: refuse, change nothing there.
      RAISE EXCEPTION 'This record belongs to another center' USING ERRCODE = 'CR001';
    END;
    PERFORM center_api.audit('client.create', v_id, NULL, 'version 1');
    RETURN jsonb_build_object('outcome', 'applied', 'version', 1);
  END IF;
  IF v_row.display_name = p_record ->> 'displayName'
     AND v_row.contact IS NOT DISTINCT FROM v_contact
     AND v_row.notes = coalesce(p_record ->> 'notes', '') THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'version', v_row.version);
  END IF;
  IF p_base IS NOT NULL AND p_base = v_row.version THEN
    UPDATE center.clients c
    SET display_name = p_record ->> 'displayName', contact = v_contact, notes = coalesce(p_record ->> 'notes', ''),
      updated_at = (p_record ->> 'updatedAt')::timestamptz, version = c.version + 1, updated_by = session_user
    WHERE c.id = v_id;
    PERFORM center_api.audit('client.update', v_id, NULL, 'version ' || (v_row.version + 1));
    RETURN jsonb_build_object('outcome', 'applied', 'version', v_row.version + 1);
  END IF;
  INSERT INTO center.conflicts AS k (center_id, kind, record_id, client_id, base_version, center_version, incoming)
  VALUES (center.current_center(), 'client', v_id, v_id, p_base, v_row.version, p_record)
  ON CONFLICT (kind, record_id, from_login) WHERE resolved_at IS NULL
  DO UPDATE SET incoming = excluded.incoming, center_version = excluded.center_version, updated_at = now()
  RETURNING k.id INTO v_conflict_id;
  PERFORM center_api.audit('conflict.record', v_id, NULL, 'conflict ' || v_conflict_id);
  RETURN jsonb_build_object('outcome', 'conflict', 'version', v_row.version, 'conflictId', v_conflict_id);
END
$$;

CREATE FUNCTION center_api.apply_session(p_base integer, p_record jsonb) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_id text;
  v_row center.sessions;
  v_completed timestamptz;
  v_notes jsonb;
  v_result jsonb;
  v_conflict_id bigint;
BEGIN
  p_record := center_api.checked_session(p_record);
  v_id := p_record ->> 'id';
  v_completed := (p_record ->> 'completedAt')::timestamptz;
  v_notes := p_record -> 'counselorNotes';
  v_result := nullif(p_record -> 'result', 'null'::jsonb);
  SELECT * INTO v_row FROM center.sessions s WHERE s.id = v_id FOR UPDATE;
  IF NOT FOUND THEN
    IF NOT EXISTS (SELECT 1 FROM center.clients c WHERE c.id = p_record ->> 'clientId') THEN
      RAISE EXCEPTION 'The session''s client is not in this center' USING ERRCODE = 'CR001';
    END IF;
    BEGIN
      INSERT INTO center.sessions (id, center_id, client_id, started_at, completed_at, locale, answers,
        counselor_notes, result, version)
      VALUES (v_id, center.current_center(), p_record ->> 'clientId', (p_record ->> 'startedAt')::timestamptz,
        v_completed, p_record ->> 'locale', p_record -> 'answers', v_notes, v_result, 1);
    EXCEPTION WHEN unique_violation THEN
      RAISE EXCEPTION 'This record belongs to another center' USING ERRCODE = 'CR001';
    END;
    PERFORM center_api.audit('session.create', p_record ->> 'clientId', v_id, 'version 1');
    RETURN jsonb_build_object('outcome', 'applied', 'version', 1);
  END IF;
  IF v_row.client_id <> p_record ->> 'clientId' THEN
    RAISE EXCEPTION 'A saved session cannot move to another client' USING ERRCODE = '22023';
  END IF;
  IF v_row.started_at = (p_record ->> 'startedAt')::timestamptz
     AND v_row.completed_at IS NOT DISTINCT FROM v_completed
     AND v_row.locale = p_record ->> 'locale'
     AND v_row.answers = p_record -> 'answers'
     AND v_row.counselor_notes = v_notes
     AND v_row.result IS NOT DISTINCT FROM v_result THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'version', v_row.version);
  END IF;
  IF p_base IS NOT NULL AND p_base = v_row.version THEN
    UPDATE center.sessions s
    SET started_at = (p_record ->> 'startedAt')::timestamptz, completed_at = v_completed,
      locale = p_record ->> 'locale', answers = p_record -> 'answers', counselor_notes = v_notes,
      result = v_result, version = s.version + 1, updated_at = now(), updated_by = session_user
    WHERE s.id = v_id;
    PERFORM center_api.audit('session.update', v_row.client_id, v_id,
      'version ' || (v_row.version + 1));
    RETURN jsonb_build_object('outcome', 'applied', 'version', v_row.version + 1);
  END IF;
  INSERT INTO center.conflicts AS k (center_id, kind, record_id, client_id, base_version, center_version, incoming)
  VALUES (center.current_center(), 'session', v_id, v_row.client_id, p_base, v_row.version, p_record)
  ON CONFLICT (kind, record_id, from_login) WHERE resolved_at IS NULL
  DO UPDATE SET incoming = excluded.incoming, center_version = excluded.center_version, updated_at = now()
  RETURNING k.id INTO v_conflict_id;
  PERFORM center_api.audit('conflict.record', v_row.client_id, v_id, 'conflict ' || v_conflict_id);
  RETURN jsonb_build_object('outcome', 'conflict', 'version', v_row.version, 'conflictId', v_conflict_id);
END
$$;

-- Sends a batch of changes in one transaction: [{changeId, kind, baseVersion, record}].
-- Answers one outcome per change, in order. A change id seen before is answered from
-- center.applied_changes and not applied again, so a batch resent after a lost reply,
-- or after the server stopped half-way, changes nothing twice.
CREATE FUNCTION center_api.push_changes(p_changes jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_change jsonb;
  v_change_id text;
  v_kind text;
  v_base integer;
  v_outcome jsonb;
  v_earlier center.applied_changes;
  v_answers jsonb := '[]'::jsonb;
BEGIN
  PERFORM center_api.counselor_center();
  IF jsonb_typeof(p_changes) <> 'array' OR jsonb_array_length(p_changes) > 500 THEN
    RAISE EXCEPTION 'Expected a list of at most 500 changes' USING ERRCODE = '22023';
  END IF;
  FOR v_change IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
    v_change_id := v_change ->> 'changeId';
    v_kind := v_change ->> 'kind';
    v_base := (v_change ->> 'baseVersion')::integer;
    IF v_change_id IS NULL OR v_kind IS NULL OR v_kind NOT IN ('client', 'session') OR jsonb_typeof(v_change -> 'record') <> 'object' THEN
      RAISE EXCEPTION 'A change needs a changeId, a kind and a record' USING ERRCODE = '22023';
    END IF;
    -- Two sends of one change at the same moment wait for each other here.
    PERFORM pg_advisory_xact_lock(hashtextextended('center-change:' || v_change_id, 0));
    SELECT * INTO v_earlier FROM center.applied_changes a WHERE a.change_id = v_change_id;
    IF FOUND THEN
      v_outcome := jsonb_build_object('outcome', v_earlier.outcome, 'version', v_earlier.version,
        'conflictId', v_earlier.conflict_id, 'repeated', true);
    ELSE
      v_outcome := CASE v_kind
        WHEN 'client' THEN center_api.apply_client(v_base, v_change -> 'record')
        ELSE center_api.apply_session(v_base, v_change -> 'record')
      END;
      INSERT INTO center.applied_changes (change_id, center_id, kind, record_id, outcome, version, conflict_id)
      VALUES (v_change_id, center.current_center(), v_kind, v_change -> 'record' ->> 'id', v_outcome ->> 'outcome',
        (v_outcome ->> 'version')::integer, (v_outcome ->> 'conflictId')::bigint);
    END IF;
    v_answers := v_answers || jsonb_build_array(v_outcome || jsonb_build_object('changeId', v_change_id));
  END LOOP;
  RETURN v_answers;
END
$$;

-- The center's open conflicts, each with both sides. Reading them is audited.
CREATE FUNCTION center_api.list_conflicts() RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  listed jsonb;
BEGIN
  PERFORM center_api.counselor_center();
  INSERT INTO center.audit_log (center_id, action, client_id, session_id, detail)
  SELECT center.current_center(), 'conflict.read', k.client_id,
    CASE k.kind WHEN 'session' THEN k.record_id END, 'conflict ' || k.id
  FROM center.conflicts k WHERE k.resolved_at IS NULL;
  SELECT coalesce(jsonb_agg(jsonb_build_object(
      'id', k.id, 'kind', k.kind, 'recordId', k.record_id, 'clientId', k.client_id,
      'clientName', c.display_name, 'fromLogin', k.from_login::text,
      'createdAt', center.iso(k.created_at), 'updatedAt', center.iso(k.updated_at),
      'baseVersion', k.base_version, 'incoming', k.incoming,
      'center', CASE k.kind
        WHEN 'client' THEN jsonb_build_object('record', center_api.client_json(c), 'version', c.version,
          'updatedBy', c.updated_by::text)
        ELSE (SELECT jsonb_build_object('record', center_api.session_json(s), 'version', s.version,
          'updatedBy', s.updated_by::text) FROM center.sessions s WHERE s.id = k.record_id)
      END) ORDER BY k.created_at, k.id), '[]'::jsonb)
  INTO listed
  FROM center.conflicts k JOIN center.clients c ON c.id = k.client_id
  WHERE k.resolved_at IS NULL;
  RETURN listed;
END
$$;

-- How many conflicts wait for a choice: a number only, so nothing to audit.
CREATE FUNCTION center_api.open_conflict_count() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT count(*) FROM center.conflicts k WHERE k.resolved_at IS NULL
$$;

-- A counselor's choice: keep the center's copy, or put the other computer's copy in its
-- place. p_center_version is the version the counselor was shown; if the record changed
-- again since, nothing happens and the counselor is asked to look again.
CREATE FUNCTION center_api.resolve_conflict(p_conflict_id bigint, p_keep text, p_center_version integer)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_conflict center.conflicts;
  v_version integer;
  v_written jsonb;
BEGIN
  PERFORM center_api.counselor_center();
  IF p_keep NOT IN ('center', 'incoming') THEN
    RAISE EXCEPTION 'Choose center or incoming' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO v_conflict FROM center.conflicts k WHERE k.id = p_conflict_id AND k.resolved_at IS NULL FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'That conflict is already settled or not in this center' USING ERRCODE = 'P0002';
  END IF;
  IF v_conflict.kind = 'client' THEN
    SELECT c.version INTO v_version FROM center.clients c WHERE c.id = v_conflict.record_id FOR UPDATE;
  ELSE
    SELECT s.version INTO v_version FROM center.sessions s WHERE s.id = v_conflict.record_id FOR UPDATE;
  END IF;
  IF v_version IS DISTINCT FROM p_center_version THEN
    RAISE EXCEPTION 'The record changed again on another computer; look at both copies again'
      USING ERRCODE = '40001';
  END IF;
  IF p_keep = 'incoming' THEN
    v_written := CASE v_conflict.kind
      WHEN 'client' THEN center_api.apply_client(v_version, v_conflict.incoming)
      ELSE center_api.apply_session(v_version, v_conflict.incoming)
    END;
    v_version := (v_written ->> 'version')::integer;
  END IF;
  UPDATE center.conflicts k SET resolved_at = now(), resolved_by = session_user,
    resolution = CASE p_keep WHEN 'center' THEN 'kept-center' ELSE 'kept-incoming' END
  WHERE k.id = v_conflict.id;
  PERFORM center_api.audit('conflict.resolve', v_conflict.client_id,
    CASE v_conflict.kind WHEN 'session' THEN v_conflict.record_id END, 'kept ' || p_keep || ', version ' || v_version);
  RETURN jsonb_build_object('kind', v_conflict.kind, 'recordId', v_conflict.record_id, 'clientId', v_conflict.client_id,
    'version', v_version,
    'record', CASE v_conflict.kind
      WHEN 'client' THEN (SELECT center_api.client_json(c) FROM center.clients c WHERE c.id = v_conflict.record_id)
      ELSE (SELECT center_api.session_json(s) FROM center.sessions s WHERE s.id = v_conflict.record_id)
    END);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA center_api FROM PUBLIC;
GRANT EXECUTE ON FUNCTION center_api.whoami(), center_api.schema_version() TO counselor, supervisor;
GRANT EXECUTE ON FUNCTION center_api.list_clients(text), center_api.get_client(text),
  center_api.current_versions(jsonb), center_api.push_changes(jsonb), center_api.list_conflicts(),
  center_api.open_conflict_count(), center_api.resolve_conflict(bigint, text, integer) TO counselor;

RESET ROLE;
