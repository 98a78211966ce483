-- A projection of v_product under another name: tv_catalog has no v_catalog, so its source must be configured.
CREATE TABLE tv_catalog (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

-- Forgets the price: out of sync with v_product once the rows are compared.
CREATE FUNCTION sync_tv_catalog() RETURNS void LANGUAGE sql AS $$
    DELETE FROM tv_catalog;
    INSERT INTO tv_catalog (id, data) SELECT id, data - 'price' FROM v_product;
$$;
