ALTER TABLE tb_user ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}';

-- preferences is free-form jsonb, exposed as the JSON scalar: anything goes.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'preferences', u.preferences
       ) AS data
FROM tb_user u;
