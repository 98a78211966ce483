CREATE TABLE tb_address (
    pk_address      INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user         INTEGER NOT NULL REFERENCES tb_user (pk_user),
    address_line_1  TEXT NOT NULL,
    address_line_2  TEXT,
    postal_code     TEXT NOT NULL,
    http_status     INTEGER
);

-- Drift: the key is address_line1; the field addressLine1 reads address_line_1.
CREATE VIEW v_address AS
SELECT a.id,
       jsonb_build_object(
           'id', a.id::text,
           'user_id', u.id::text,
           'address_line1', a.address_line_1,
           'address_line_2', a.address_line_2,
           'postalCode', a.postal_code,
           'http_response', a.http_status
       ) AS data
FROM tb_address a
JOIN tb_user u ON u.pk_user = a.fk_user;
