-- Drift: created_at is emitted as a date, which the DateTime scalar does not accept.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'created_at', u.created_at::date
       ) AS data
FROM tb_user u;
