CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- A feed entry whose subject is a user (a union member).
CREATE VIEW v_feed_entry AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'subject', vu.data
       ) AS data
FROM tb_user u
JOIN v_user vu ON vu.id = u.id;
