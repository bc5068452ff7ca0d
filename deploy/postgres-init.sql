-- One database per owning service; each service's Flyway migrations create its schema.
CREATE DATABASE pepper_admin;
CREATE DATABASE pepper_failure;
