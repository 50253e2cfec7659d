-- One database per service (docker-compose.yml mounts this into /docker-entrypoint-initdb.d).
CREATE DATABASE intake;
CREATE DATABASE routing;
CREATE DATABASE reporting;
