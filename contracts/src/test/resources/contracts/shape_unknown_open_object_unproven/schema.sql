-- The saas pattern without the CHECK that proves data an object: an array or a scalar would make || an
-- array, so the whole value is of unknown kind.
CREATE TABLE tb_organization (
    pk_organization  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier       TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    data             JSONB NOT NULL DEFAULT '{}'
);

CREATE VIEW v_organization AS
SELECT o.id,
       o.data || jsonb_build_object('id', o.id::text, 'identifier', o.identifier, 'name', o.name) AS data
FROM tb_organization o;
