-- The clean open-object view, but name now comes from the nullable display_name: a known key of an open object is
-- checked like any other.
CREATE TABLE tb_organization (
    pk_organization  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier       TEXT NOT NULL UNIQUE,
    display_name     TEXT,
    data             JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object')
);

CREATE VIEW v_organization AS
SELECT o.id,
       o.data || jsonb_build_object('id', o.id::text, 'identifier', o.identifier, 'name', o.display_name) AS data
FROM tb_organization o;
