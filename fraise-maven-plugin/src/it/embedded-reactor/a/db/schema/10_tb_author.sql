CREATE TABLE tb_author (
    pk_author INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    identifier TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE VIEW v_author AS
SELECT a.id, jsonb_build_object('id', a.id::text, 'name', a.name) AS data
FROM tb_author a;
