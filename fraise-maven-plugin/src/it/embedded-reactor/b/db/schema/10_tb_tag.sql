CREATE TABLE tb_tag (
    pk_tag INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    identifier TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    color TEXT
);

CREATE VIEW v_tag AS
SELECT t.id, jsonb_build_object('id', t.id::text, 'label', t.label, 'color', t.color) AS data
FROM tb_tag t;
