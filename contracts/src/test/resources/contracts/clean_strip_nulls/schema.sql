-- jsonb_strip_nulls: null values are dropped, so nullable keys may be absent.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_strip_nulls(jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           'bio', u.bio,
           'avatar_url', u.avatar_url
       )) AS data
FROM tb_user u;
