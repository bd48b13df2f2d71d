-- Runs once, when the PostgreSQL volume is first created. Front Door's own migrations create
-- its tables when the api or worker starts; this only prepares the database and its owner.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
