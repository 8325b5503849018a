//! `undeclared-category`: the code stores or handles a personal-data category `[data]` lacks.

use super::{first_per_file, Check, Ctx};
use crate::fact::{Finding, Severity};

pub const CHECK: Check = Check {
    id: "undeclared-category",
    default: Severity::Error,
    summary: "The code stores or handles a personal-data category not under [data]",
    doc: r#"## What it does
Classifies every stored or exchanged field (SQL columns, Prisma / Django / SQLAlchemy / JPA /
TypeORM models, Go and Rust structs, GraphQL, protobuf, TypeScript interfaces, zod schemas) into
fideslang data categories, and reports each category `[data] categories` does not cover.
A declared key covers its children: `user.contact` covers `user.contact.email`.

## Why it matters
A policy must say which personal data the service holds. An `iban` column added in a migration
is a new category of data that the published text never mentions.

## Example
```sql
ALTER TABLE profiles ADD COLUMN iban text;   -- [data] has no user.financial
```

## How to fix
Drop the field, or declare the category (and say so in the published policy):
```toml
[data]
categories = ["user.contact.email", "user.financial.bank_account"]
```

## Limits
Fields are classified by name (`rules/data/`), with booleans and timestamps treated as data
*about* the category, not the data. Row identifiers are never a category. One finding per
category per file, at its first field.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let sev = ctx.severity(&CHECK);
    let undeclared = ctx
        .facts
        .fields
        .iter()
        .filter(|f| !ctx.policy.covers_category(&f.category));
    for fld in first_per_file(undeclared, |f| f.category.clone(), |f| &f.loc.path) {
        let dt = &ctx.catalog.data[fld.data_type];
        let owner = fld
            .owner
            .as_deref()
            .map(|o| format!("{o}."))
            .unwrap_or_default();
        let mut f = Finding::new(
            CHECK.id,
            sev,
            &fld.loc,
            format!(
                "{} (`{}`) is stored but `{}` is not declared in privacy.toml",
                dt.name.to_lowercase(),
                format_args!("{owner}{}", fld.field),
                fld.category
            ),
        );
        f.category = Some(fld.category.clone());
        f.evidence = fld.snippet.clone();
        f.label = format!("{} field declared here", dt.name.to_lowercase());
        f.subject = fld.category.clone();
        f.help = Some(format!(
            "remove the field, or add \"{}\" to `[data] categories` in privacy.toml",
            fld.category
        ));
        out.push(f);
    }
}
