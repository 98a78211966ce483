-- a legacy directory outside the schema root: never built
THIS IS NOT SQL;
