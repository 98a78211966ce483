-- FraiseQL's saas pattern, literal last: free-form organisation fields in data (a CHECK proves it an object), the
-- identity keys from the columns. The literal's keys win over data's, so they are exact.
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
       o.data || jsonb_build_object('id', o.id::text, 'identifier', o.identifier, 'name', o.name) AS data
FROM tb_organization o;
