INSERT INTO tb_item (identifier, name) VALUES ('apple', 'Apple'), ('pear', 'Pear');
