-- v_user embeds an address object; fn_add_note returns jsonb, which verifies nothing about Receipt.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'address', jsonb_build_object('city', u.name)
       ) AS data
FROM tb_user u;

CREATE FUNCTION fn_add_note(input jsonb) RETURNS jsonb LANGUAGE sql AS $$
    SELECT jsonb_build_object('ok', true);
$$;
