CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- Drift: fn_create_user returns the new id, not a mutation_response.
CREATE FUNCTION fn_create_user(input jsonb) RETURNS uuid LANGUAGE sql AS $$
    SELECT gen_random_uuid();
$$;
