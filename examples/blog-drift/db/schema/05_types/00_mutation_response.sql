-- FraiseQL v1 mutation result type (migrations/trinity/005_add_mutation_response.sql).
-- Every fn_* mutation in this project returns exactly this shape.
CREATE TYPE mutation_response AS (
    status          text,     -- 'success','new','updated','deleted','noop:*','failed:*'
    message         text,     -- human-readable message
    entity_id       text,     -- id of the affected entity (text form of the UUID)
    entity_type     text,     -- PascalCase GraphQL type name, e.g. 'User'
    entity          jsonb,    -- the entity's read-side data (v_<entity>.data)
    updated_fields  text[],   -- fields changed by an update
    cascade         jsonb,    -- cascade data for side effects
    metadata        jsonb     -- additional metadata (error details on failure)
);
