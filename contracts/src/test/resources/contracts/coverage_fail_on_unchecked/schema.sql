ALTER TABLE tb_user ADD COLUMN preferences jsonb;

-- preferences is a free-form jsonb column: its structure is not known statically.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'preferences', u.preferences
       ) AS data
FROM tb_user u;
