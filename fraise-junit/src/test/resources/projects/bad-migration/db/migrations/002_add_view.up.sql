-- the column is misspelled
CREATE VIEW v_thing AS
    SELECT name, lable FROM tb_thing;
