-- v_user emits avatar_url, which no field of User reads (a warning: the API just does not expose it).
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           'avatar_url', u.avatar_url
       ) AS data
FROM tb_user u;
