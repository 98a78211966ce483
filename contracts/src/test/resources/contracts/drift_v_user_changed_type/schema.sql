-- Drift: email became an object in v_user; the GraphQL type still says String!.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', jsonb_build_object('address', u.email, 'verified', false)
       ) AS data
FROM tb_user u;
