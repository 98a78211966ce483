CREATE TABLE tb_order_item (
    pk_order_item  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    unit_price     NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3) NOT NULL DEFAULT 'EUR'
);

-- The view is v_orderitem, not the default v_order_item: OrderItem, returned by no Query field, is not checked.
CREATE VIEW v_orderitem AS
SELECT i.id,
       jsonb_build_object(
           'id', i.id::text,
           'quantity', i.quantity,
           'unit_price', jsonb_build_object('amount', i.unit_price, 'currency', i.currency)
       ) AS data
FROM tb_order_item i;
