INSERT INTO tb_product (identifier, price) VALUES ('pen', 1.50), ('ink', 12.00);
