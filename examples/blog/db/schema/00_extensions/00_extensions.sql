-- Extensions used by the blog example.
-- gen_random_uuid() is core PostgreSQL since 13; pgcrypto (core contrib) is kept
-- so the project also documents its dependency explicitly.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
