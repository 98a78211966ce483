-- Prices in cents; existing items cost nothing until priced.
ALTER TABLE tb_item ADD COLUMN price_cents INTEGER NOT NULL DEFAULT 0;
