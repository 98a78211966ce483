CREATE TABLE tb_product (
    pk_product INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    identifier TEXT NOT NULL UNIQUE,
    price NUMERIC(10, 2) NOT NULL
);

-- Breaks FraiseQL's trinity conventions: no pk_note, id or identifier (naming-lint findings).
CREATE TABLE tb_note (
    body TEXT NOT NULL
);
