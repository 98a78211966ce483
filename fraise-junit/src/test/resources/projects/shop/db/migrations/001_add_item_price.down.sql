ALTER TABLE tb_item DROP COLUMN price_cents;
