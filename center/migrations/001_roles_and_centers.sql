-- 001: the roles, the `center` schema, centers and the logins that belong to them.
--
-- Roles are shared by every database of a PostgreSQL server, so they are created only
-- when missing. Group roles (NOLOGIN) carry the rights; each person signs in with a login
-- of their own that is a member of exactly one group:
--   center_owner  owns the tables; only IT staff (superusers) act as it
--   center_api    owns the functions counselors call; row-level security applies to it
--   counselor     may call the counselor functions, nothing else
--   supervisor    may read reports for its center (see 003)
DO $roles$
DECLARE
  wanted text;
BEGIN
  FOREACH wanted IN ARRAY ARRAY['center_owner', 'center_api', 'counselor', 'supervisor'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', wanted);
    END IF;
  END LOOP;
END
$roles$;

-- Only the center's own groups may connect to this database, and nobody makes temporary tables.
DO $database$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO counselor, supervisor', current_database());
END
$database$;

-- PostgreSQL 15 already keeps PUBLIC from creating objects in `public`; say so anyway.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA center AUTHORIZATION center_owner;
REVOKE ALL ON SCHEMA center FROM PUBLIC;
GRANT USAGE ON SCHEMA center TO center_api;

-- Functions counselors call live in their own schema, owned by center_api.
CREATE SCHEMA center_api AUTHORIZATION center_api;
REVOKE ALL ON SCHEMA center_api FROM PUBLIC;
GRANT USAGE ON SCHEMA center_api TO counselor, supervisor;
ALTER DEFAULT PRIVILEGES FOR ROLE center_api REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE center_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

SET LOCAL ROLE center_owner;

CREATE TABLE center.centers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which center each login works for, and as what. A login belongs to one center only.
CREATE TABLE center.staff (
  login name PRIMARY KEY,
  center_id integer NOT NULL REFERENCES center.centers (id),
  kind text NOT NULL CHECK (kind IN ('counselor', 'supervisor')),
  active boolean NOT NULL DEFAULT true,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- The center of the person signed in. session_user is the login itself: SET ROLE cannot
-- change it, and SECURITY DEFINER functions do not either.
CREATE FUNCTION center.current_center() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.center_id FROM center.staff s WHERE s.login = session_user AND s.active
$$;

CREATE FUNCTION center.current_staff_kind() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.kind FROM center.staff s WHERE s.login = session_user AND s.active
$$;

-- Timestamps leave the database as the app writes them: UTC, milliseconds, a Z.
CREATE FUNCTION center.iso(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

GRANT EXECUTE ON FUNCTION center.current_center(), center.current_staff_kind(), center.iso(timestamptz) TO center_api;

ALTER TABLE center.centers ENABLE ROW LEVEL SECURITY;
ALTER TABLE center.staff ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON center.centers, center.staff TO center_api;
CREATE POLICY own_center ON center.centers FOR SELECT TO center_api
  USING (id = (SELECT center.current_center()));
CREATE POLICY own_center ON center.staff FOR SELECT TO center_api
  USING (center_id = (SELECT center.current_center()));

RESET ROLE;

-- For IT staff (run as a superuser): add a center; returns its id. Safe to rerun.
CREATE FUNCTION center.add_center(p_code text, p_name text) RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  found_id integer;
BEGIN
  SELECT id INTO found_id FROM center.centers WHERE code = p_code;
  IF FOUND THEN
    UPDATE center.centers SET name = p_name WHERE id = found_id;
    RETURN found_id;
  END IF;
  INSERT INTO center.centers (code, name) VALUES (p_code, p_name) RETURNING id INTO found_id;
  RETURN found_id;
END
$$;

-- For IT staff (run as a superuser): create a login for one person (or attach an existing
-- one) and register it with a center. p_password may be a SCRAM-SHA-256 verifier, as made
-- by `npm run center:admin`, so the password itself never reaches the server; NULL leaves
-- an existing login's password alone.
CREATE FUNCTION center.add_login(p_login text, p_center_code text, p_kind text, p_password text DEFAULT NULL)
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
  IF p_kind NOT IN ('counselor', 'supervisor') THEN
    RAISE EXCEPTION 'A login is a counselor or a supervisor, not %', p_kind USING ERRCODE = '22023';
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
  -- A login is in one group only: moving someone from counselor to supervisor drops the old one.
  EXECUTE format('REVOKE counselor, supervisor FROM %I', p_login);
  EXECUTE format('GRANT %I TO %I', p_kind, p_login);
  INSERT INTO center.staff (login, center_id, kind, active)
  VALUES (p_login, target_center, p_kind, true)
  ON CONFLICT (login) DO UPDATE SET center_id = excluded.center_id, kind = excluded.kind, active = true;
END
$$;

-- For IT staff: stop a login from signing in; its past audit rows stay.
CREATE FUNCTION center.remove_login(p_login text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  UPDATE center.staff SET active = false WHERE login = p_login;
  IF FOUND THEN
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
  END IF;
END
$$;

REVOKE ALL ON FUNCTION center.add_center(text, text), center.add_login(text, text, text, text),
  center.remove_login(text) FROM PUBLIC;
ALTER FUNCTION center.add_center(text, text) OWNER TO center_owner;
ALTER FUNCTION center.add_login(text, text, text, text) OWNER TO center_owner;
ALTER FUNCTION center.remove_login(text) OWNER TO center_owner;

-- The migration runner keeps its record here; the app reads the version to know it fits.
GRANT SELECT ON public.center_schema_migrations TO center_api;

-- Who am I, for the app's status line. Any center login may ask.
SET LOCAL ROLE center_api;
CREATE FUNCTION center_api.schema_version() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(max(m.version), 0) FROM public.center_schema_migrations m
$$;

CREATE FUNCTION center_api.whoami()
RETURNS TABLE (login text, kind text, center_code text, center_name text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.login::text, s.kind, c.code, c.name
  FROM center.staff s JOIN center.centers c ON c.id = s.center_id
  WHERE s.login = session_user AND s.active
$$;
GRANT EXECUTE ON FUNCTION center_api.whoami(), center_api.schema_version() TO counselor, supervisor;
RESET ROLE;
