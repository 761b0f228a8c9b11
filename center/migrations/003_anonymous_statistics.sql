-- 003: anonymous statistics, opt-in per center, and the question statistics report.
--
--   kiosk_stats     a kiosk's login: may add anonymous rows for its own center, read nothing
--   center_reports  owns the report functions; row-level security confines it to the
--                   caller's center
-- An anonymous row holds the answers (option ids only), the result, the content version,
-- the language and the day: no name, no contact, no notes, no session or client id.
DO $roles$
DECLARE
  wanted text;
BEGIN
  FOREACH wanted IN ARRAY ARRAY['kiosk_stats', 'center_reports'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', wanted);
    END IF;
  END LOOP;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO kiosk_stats', current_database());
END
$roles$;

SET LOCAL ROLE center_owner;

-- Off until a supervisor turns it on for the center.
ALTER TABLE center.centers ADD COLUMN anonymous_stats boolean NOT NULL DEFAULT false;

ALTER TABLE center.staff DROP CONSTRAINT staff_kind_check;
ALTER TABLE center.staff ADD CONSTRAINT staff_kind_check CHECK (kind IN ('counselor', 'supervisor', 'kiosk'));

-- Fits are numbers from 0 to 100 keyed by role id. One pattern over jsonb's own canonical text
-- (no function call per key) keeps adding rows fast; it inlines into the CHECK below.
CREATE FUNCTION center.is_fit_map(fits jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
  SELECT fits::text ~ '^\{("[a-z_]{1,40}": (100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)(, "[a-z_]{1,40}": (100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?))*)?\}$'
$$;

CREATE TABLE center.anonymous_results (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  center_id integer NOT NULL DEFAULT center.current_center() REFERENCES center.centers (id),
  recorded_on date NOT NULL DEFAULT current_date,
  content_version text NOT NULL CHECK (content_version ~ '^[0-9A-Za-z.+_-]{1,40}$'),
  locale text NOT NULL CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$'),
  answers jsonb NOT NULL CHECK (length(answers::text) <= 20000 AND center.is_answer_map(answers)),
  best_fit text CHECK (best_fit ~ '^[a-z_]{1,40}$'),
  fits jsonb NOT NULL CHECK (center.is_fit_map(fits))
);
CREATE INDEX anonymous_by_center_day ON center.anonymous_results (center_id, recorded_on);

-- Whether the caller's center has statistics on; for the kiosk's policy, which reads no table itself.
CREATE FUNCTION center.anonymous_stats_on() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce((SELECT c.anonymous_stats FROM center.centers c WHERE c.id = center.current_center()), false)
$$;

ALTER TABLE center.anonymous_results ENABLE ROW LEVEL SECURITY;
-- A kiosk adds rows for its own center, and only while the center has statistics on.
CREATE POLICY kiosk_adds ON center.anonymous_results FOR INSERT TO kiosk_stats
  WITH CHECK (center_id = (SELECT center.current_center()) AND (SELECT center.anonymous_stats_on()));
CREATE POLICY reports_read_own_center ON center.anonymous_results FOR SELECT TO center_reports
  USING (center_id = (SELECT center.current_center()));
-- Supervisors may read their center's audit trail (through center_reports.audit_entries).
CREATE POLICY reports_read_own_center ON center.audit_log FOR SELECT TO center_reports
  USING (center_id = (SELECT center.current_center()));
-- center_api may switch statistics for the caller's own center (supervisors only, below).
CREATE POLICY own_center_switch ON center.centers FOR UPDATE TO center_api
  USING (id = (SELECT center.current_center())) WITH CHECK (id = (SELECT center.current_center()));

-- The kiosk may name these columns and no other: the center and the day are set here.
GRANT USAGE ON SCHEMA center TO kiosk_stats, center_reports;
GRANT INSERT (content_version, locale, answers, best_fit, fits) ON center.anonymous_results TO kiosk_stats;
GRANT SELECT ON center.anonymous_results, center.audit_log TO center_reports;
GRANT UPDATE (anonymous_stats) ON center.centers TO center_api;
GRANT EXECUTE ON FUNCTION center.current_center(), center.current_staff_kind(), center.anonymous_stats_on(),
  center.is_answer_map(jsonb), center.is_fit_map(jsonb), center.iso(timestamptz)
  TO kiosk_stats, center_reports, center_api;

-- A counselor's session that becomes complete adds one anonymous row when the center has
-- statistics on. It runs as the table owner, in the same transaction as the session, so a
-- session sent twice (see push_changes) still adds one row.
CREATE FUNCTION center.record_completed_session() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.completed_at IS NOT NULL AND NEW.result IS NOT NULL
     AND (TG_OP = 'INSERT' OR OLD.completed_at IS NULL OR OLD.result IS NULL)
     AND (SELECT c.anonymous_stats FROM center.centers c WHERE c.id = NEW.center_id) THEN
    INSERT INTO center.anonymous_results (center_id, recorded_on, content_version, locale, answers, best_fit, fits)
    VALUES (NEW.center_id, (NEW.completed_at AT TIME ZONE 'UTC')::date, NEW.result ->> 'contentVersion',
      NEW.locale, NEW.answers, NEW.result ->> 'bestFit', coalesce(NEW.result -> 'fits', '{}'::jsonb));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sessions_anonymous_results AFTER INSERT OR UPDATE OF completed_at, result ON center.sessions
  FOR EACH ROW EXECUTE FUNCTION center.record_completed_session();

-- The question statistics report over [p_from, p_to] (days, both included) for one center
-- (NULL: every center, for IT only), for one content version. p_items lists which interest
-- items belong to which role ([{role, question, sign}], from the content's weights; sign -1
-- counts an item reversed for that role); p_scale maps
-- scale answers to numbers ({"strongly_dislike": -1, ...}; "not sure" left out). One row per
-- figure, in long form, ready for a CSV:
--   respondents      n = rows in range
--   answers          per question and option: n chosen, share of those who answered it
--   best_fit         per role (or 'none'): n, share of respondents
--   alpha            per role: item_count = k items, n = respondents who answered all k on
--                    the scale, value = Cronbach's alpha (NULL when k < 2, n < 2 or no spread)
--   item_rest        per role and item: n as above, value = correlation of the item with the
--                    sum of the role's other items (NULL when it cannot be computed)
--   no_disagreement  per interest item nobody answered below the scale's midpoint: n who
--                    answered it on the scale, share who agreed
CREATE FUNCTION center.question_report_core(p_center_id integer, p_from date, p_to date, p_content_version text,
  p_items jsonb, p_scale jsonb)
RETURNS TABLE (section text, role_id text, question_id text, option_id text, item_count integer, n bigint,
  share double precision, value double precision)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
-- Room for the per-question answers, so they stay off the disk.
SET work_mem = '64MB'
AS $$
  -- Read where used rather than copied aside: copying every answer set cost more than reading twice.
  WITH picked AS NOT MATERIALIZED (
    SELECT r.id, r.answers, r.best_fit
    FROM center.anonymous_results r
    WHERE (p_center_id IS NULL OR r.center_id = p_center_id)
      AND r.recorded_on BETWEEN p_from AND p_to
      AND r.content_version = p_content_version
  ),
  total AS (SELECT count(*)::bigint AS n FROM picked),
  given AS (SELECT p.id, a.key AS question_id, a.value FROM picked p CROSS JOIN LATERAL jsonb_each(p.answers) a),
  -- How many people answered each question, and chose each option (several per person for a multiple choice).
  asked AS (SELECT g.question_id, count(*) AS n FROM given g GROUP BY g.question_id),
  chosen AS (
    SELECT g.question_id, g.value #>> '{}' AS option_id, count(*) AS n
    FROM given g WHERE jsonb_typeof(g.value) = 'string'
    GROUP BY g.question_id, g.value #>> '{}'
    UNION ALL
    SELECT g.question_id, e.option_id, count(*) AS n
    FROM given g CROSS JOIN LATERAL jsonb_array_elements_text(g.value) AS e(option_id)
    WHERE jsonb_typeof(g.value) = 'array'
    GROUP BY g.question_id, e.option_id
  ),
  items AS (
    SELECT DISTINCT ON (i.role, i.question) i.role AS role_id, i.question AS question_id,
      CASE WHEN i.sign < 0 THEN -1 ELSE 1 END AS sign
    FROM jsonb_to_recordset(p_items) AS i(role text, question text, sign integer)
    ORDER BY i.role, i.question
  ),
  scale AS (SELECT s.key AS option_id, (s.value #>> '{}')::double precision AS score FROM jsonb_each(p_scale) s),
  midpoint AS (SELECT (min(scale.score) + max(scale.score)) / 2 AS m FROM scale),
  -- One row per person, role and item, with the person's total over the role's items. Alpha and
  -- item-rest correlations use the people who answered all of a role's items on the scale ("not
  -- sure" and unanswered items leave a person out of that role's figures). Worked out person by
  -- person (a few dozen rows each): measured faster than one sort of every person's rows, and no
  -- join between large sets for the planner to misjudge.
  scored AS (
    SELECT x.role_id, x.question_id, x.score, x.total, x.nth
    FROM picked p
    CROSS JOIN LATERAL (
      SELECT y.role_id, y.question_id, y.score, sum(y.score) OVER by_role AS total,
        count(y.score) OVER by_role AS answered, count(*) OVER by_role AS k, row_number() OVER by_role AS nth
      FROM (
        SELECT i.role_id, i.question_id, sc.score * i.sign AS score
        FROM items i LEFT JOIN scale sc ON sc.option_id = p.answers ->> i.question_id
      ) y
      WINDOW by_role AS (PARTITION BY y.role_id)
    ) x
    WHERE x.answered = x.k
  ),
  item_stats AS (
    SELECT s.role_id, s.question_id, count(*) AS n, var_samp(s.score) AS v, corr(s.score, s.total - s.score) AS r
    FROM scored s GROUP BY s.role_id, s.question_id
  ),
  -- One row per person and role (the first of its items) carries that person's role total.
  role_totals AS (
    SELECT s.role_id, count(*) AS n, var_samp(s.total) AS v FROM scored s WHERE s.nth = 1 GROUP BY s.role_id
  ),
  role_items AS (SELECT i.role_id, count(*)::integer AS k FROM items i GROUP BY i.role_id),
  agreement AS (
    SELECT q.question_id,
      coalesce(sum(c.n) FILTER (WHERE sc.score IS NOT NULL), 0) AS answered,
      coalesce(sum(c.n) FILTER (WHERE sc.score < (SELECT m FROM midpoint)), 0) AS disagreed,
      coalesce(sum(c.n) FILTER (WHERE sc.score > (SELECT m FROM midpoint)), 0) AS agreed
    FROM (SELECT DISTINCT items.question_id FROM items) q
    LEFT JOIN chosen c ON c.question_id = q.question_id
    LEFT JOIN scale sc ON sc.option_id = c.option_id
    GROUP BY q.question_id
  )
  SELECT 'respondents', NULL, NULL, NULL, NULL::integer, t.n, NULL::double precision, NULL::double precision
  FROM total t
  UNION ALL
  SELECT 'answers', NULL, c.question_id, c.option_id, NULL, c.n, c.n::double precision / a.n, NULL
  FROM chosen c JOIN asked a ON a.question_id = c.question_id
  UNION ALL
  SELECT 'best_fit', coalesce(p.best_fit, 'none'), NULL, NULL, NULL, count(*),
    count(*)::double precision / (SELECT total.n FROM total), NULL
  FROM picked p GROUP BY p.best_fit
  UNION ALL
  SELECT 'alpha', ri.role_id, NULL, NULL, ri.k, coalesce(rt.n, 0), NULL,
    CASE WHEN ri.k >= 2 AND rt.n >= 2 AND rt.v > 0 THEN
      (ri.k::double precision / (ri.k - 1)) * (1 - (SELECT sum(s.v) FROM item_stats s WHERE s.role_id = ri.role_id) / rt.v)
    END
  FROM role_items ri LEFT JOIN role_totals rt ON rt.role_id = ri.role_id
  UNION ALL
  SELECT 'item_rest', s.role_id, s.question_id, NULL, ri.k, s.n, NULL, CASE WHEN ri.k >= 2 THEN s.r END
  FROM item_stats s JOIN role_items ri ON ri.role_id = s.role_id
  UNION ALL
  SELECT 'no_disagreement', NULL, g.question_id, NULL, NULL, g.answered, g.agreed::double precision / g.answered, NULL
  FROM agreement g WHERE g.answered > 0 AND g.disagreed = 0
$$;
GRANT EXECUTE ON FUNCTION center.question_report_core(integer, date, date, text, jsonb, jsonb) TO center_reports;

RESET ROLE;

-- For IT staff and content owners (as a superuser): the report for one center by code, or
-- for every center with NULL. `npm run center:report` calls this.
CREATE FUNCTION center.question_report(p_center_code text, p_from date, p_to date, p_content_version text,
  p_items jsonb, p_scale jsonb)
RETURNS TABLE (section text, role_id text, question_id text, option_id text, item_count integer, n bigint,
  share double precision, value double precision)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_center integer;
BEGIN
  IF p_center_code IS NOT NULL THEN
    SELECT c.id INTO v_center FROM center.centers c WHERE c.code = p_center_code;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'There is no center with the code %', p_center_code USING ERRCODE = '22023';
    END IF;
  END IF;
  RETURN QUERY SELECT * FROM center.question_report_core(v_center, p_from, p_to, p_content_version, p_items, p_scale);
END
$$;
REVOKE ALL ON FUNCTION center.question_report(text, date, date, text, jsonb, jsonb) FROM PUBLIC;
ALTER FUNCTION center.question_report(text, date, date, text, jsonb, jsonb) OWNER TO center_owner;

-- A login may now be a kiosk: it adds anonymous rows and reads nothing.
CREATE OR REPLACE FUNCTION center.add_login(p_login text, p_center_code text, p_kind text, p_password text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  target_center integer;
  existing pg_roles%ROWTYPE;
BEGIN
  IF p_login !~ '^[a-z][a-z0-9_]{2,62}$' THEN
    RAISE EXCEPTION 'A login name is 3 to 63 small letters, digits or _, starting with a letter: %', p_login
      USING ERRCODE = '22023';
  END IF;
  IF p_kind NOT IN ('counselor', 'supervisor', 'kiosk') THEN
    RAISE EXCEPTION 'A login is a counselor, a supervisor or a kiosk, not %', p_kind USING ERRCODE = '22023';
  END IF;
  SELECT id INTO target_center FROM center.centers WHERE code = p_center_code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'There is no center with the code %; add it first with center.add_center', p_center_code
      USING ERRCODE = '22023';
  END IF;
  SELECT * INTO existing FROM pg_roles WHERE rolname = p_login;
  IF FOUND THEN
    IF existing.rolsuper OR existing.rolbypassrls OR existing.rolcreaterole
       OR p_login IN ('center_owner', 'center_api', 'center_reports', 'counselor', 'supervisor', 'kiosk_stats') THEN
      RAISE EXCEPTION 'The role % has powers a center login must not have', p_login USING ERRCODE = '42501';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    IF p_password IS NOT NULL THEN
      EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
    END IF;
  ELSIF p_password IS NULL THEN
    RAISE EXCEPTION 'A new login needs a password' USING ERRCODE = '22023';
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
  END IF;
  EXECUTE format('REVOKE counselor, supervisor, kiosk_stats FROM %I', p_login);
  EXECUTE format('GRANT %I TO %I', CASE p_kind WHEN 'kiosk' THEN 'kiosk_stats' ELSE p_kind END, p_login);
  INSERT INTO center.staff (login, center_id, kind, active)
  VALUES (p_login, target_center, p_kind, true)
  ON CONFLICT (login) DO UPDATE SET center_id = excluded.center_id, kind = excluded.kind, active = true;
END
$$;

SET LOCAL ROLE center_api;

-- Whether the caller's center records anonymous results: the kiosk shows it on its welcome
-- screen. Any center login may ask; it says nothing about anyone.
CREATE FUNCTION center_api.anonymous_stats_enabled() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT center.anonymous_stats_on()
$$;

-- A supervisor turns anonymous statistics on or off for their own center.
CREATE FUNCTION center_api.set_anonymous_stats(p_enabled boolean) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF center.current_center() IS NULL OR center.current_staff_kind() <> 'supervisor' THEN
    RAISE EXCEPTION 'Only a supervisor of the center can change this' USING ERRCODE = '42501';
  END IF;
  UPDATE center.centers c SET anonymous_stats = p_enabled WHERE c.id = center.current_center();
  RETURN p_enabled;
END
$$;

REVOKE ALL ON FUNCTION center_api.anonymous_stats_enabled(), center_api.set_anonymous_stats(boolean) FROM PUBLIC;
GRANT USAGE ON SCHEMA center_api TO kiosk_stats;
GRANT EXECUTE ON FUNCTION center_api.whoami(), center_api.schema_version(), center_api.anonymous_stats_enabled()
  TO counselor, supervisor, kiosk_stats;
GRANT EXECUTE ON FUNCTION center_api.set_anonymous_stats(boolean) TO supervisor;

RESET ROLE;

-- Report functions for supervisors, owned by center_reports (which reads only its caller's center).
CREATE SCHEMA center_reports AUTHORIZATION center_reports;
REVOKE ALL ON SCHEMA center_reports FROM PUBLIC;
GRANT USAGE ON SCHEMA center_reports TO supervisor;
ALTER DEFAULT PRIVILEGES FOR ROLE center_reports REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

SET LOCAL ROLE center_reports;

CREATE FUNCTION center_reports.supervisor_center() RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_center integer := center.current_center();
BEGIN
  IF v_center IS NULL OR center.current_staff_kind() <> 'supervisor' THEN
    RAISE EXCEPTION 'This login is not a supervisor at a center' USING ERRCODE = '42501';
  END IF;
  RETURN v_center;
END
$$;

CREATE FUNCTION center_reports.question_report(p_from date, p_to date, p_content_version text, p_items jsonb,
  p_scale jsonb)
RETURNS TABLE (section text, role_id text, question_id text, option_id text, item_count integer, n bigint,
  share double precision, value double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to OR p_to - p_from > 3660 THEN
    RAISE EXCEPTION 'Choose a range of at most ten years, with the start before the end' USING ERRCODE = '22023';
  END IF;
  RETURN QUERY SELECT * FROM center.question_report_core(center_reports.supervisor_center(), p_from, p_to,
    p_content_version, p_items, p_scale);
END
$$;

-- The center's audit trail, newest first, for a supervisor.
CREATE FUNCTION center_reports.audit_entries(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (at text, login text, action text, client_id text, session_id text, detail text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM center_reports.supervisor_center();
  RETURN QUERY
  SELECT center.iso(a.at), a.login::text, a.action, a.client_id, a.session_id, a.detail
  FROM center.audit_log a
  WHERE a.at >= p_from AND a.at < p_to
  ORDER BY a.at DESC, a.id DESC
  LIMIT 10000;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA center_reports FROM PUBLIC;
GRANT EXECUTE ON FUNCTION center_reports.question_report(date, date, text, jsonb, jsonb),
  center_reports.audit_entries(timestamptz, timestamptz) TO supervisor;

RESET ROLE;
