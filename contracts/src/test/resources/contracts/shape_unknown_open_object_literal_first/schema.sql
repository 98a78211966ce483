-- FraiseQL v2's saas example, literal first: data's own keys win over the literal's (the right operand of
-- || wins), so id and name may be replaced by anything, JSON null included.
CREATE TABLE tb_organization (
    pk_organization  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    identifier       TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    data             JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object')
);

INSERT INTO tb_organization (id, identifier, name, data) VALUES
    ('00000000-0000-0000-0000-00000000000a', 'acme', 'Acme', '{"plan": "pro", "seat_limit": 25, "beta": true}'),
    ('00000000-0000-0000-0000-00000000000b', 'initech', 'Initech', '{"name": "stale", "id": 7}');

CREATE VIEW v_organization AS
SELECT o.id,
       jsonb_build_object('id', o.id::text, 'identifier', o.identifier, 'name', o.name) || o.data AS data
FROM tb_organization o;
