-- Creates the Senim databases on the first start of the postgres container.
--
-- The postgres image runs the files in /docker-entrypoint-initdb.d/ only when its data directory
-- is empty (a new volume), as the superuser given by POSTGRES_USER; that user owns what is created
-- here. On an existing volume nothing in this file runs again: add a database by hand (psql) or
-- recreate the volume.
--
-- One database per service (each service owns its schema through Flyway) plus one for Keycloak.

CREATE DATABASE senim_cases;
CREATE DATABASE senim_membership;
CREATE DATABASE senim_training;
CREATE DATABASE senim_notifications;
CREATE DATABASE senim_analytics;
CREATE DATABASE keycloak;

-- Nobody but the owner (and superusers) may connect; new roles do not get access by default.
REVOKE CONNECT, TEMPORARY ON DATABASE senim_cases FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE senim_membership FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE senim_training FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE senim_notifications FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE senim_analytics FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE keycloak FROM PUBLIC;
