//! `card-data-stored`: the policy promises no card storage, and a schema stores PAN/CVV fields.

use super::{Check, Ctx};
use crate::fact::{Finding, Severity};

pub const CHECK: Check = Check {
    id: "card-data-stored",
    default: Severity::Error,
    summary: "`no_card_storage` and a schema stores PAN/CVV-like fields",
    doc: r#"## What it does
With `[claims] no_card_storage = true`, reports every stored field that holds a primary account
number, card security code or track data (`card_number`, `pan`, `cvv`, `cvc`).

## Why it matters
"We never store your card number" is a promise with PCI DSS consequences; a `card_number`
column breaks it whatever the policy says.

## Example
```sql
CREATE TABLE payment_methods (card_number text, cvv text);
```

## How to fix
Store the processor's token instead (a Stripe PaymentMethod id, `last4` and `brand` are fine),
or drop the claim.

## Limits
`last4`, `brand`, expiry month/year and processor ids are not card data and never fire.
"#,
};

pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    if !ctx.policy.claims.no_card_storage {
        return;
    }
    let sev = ctx.severity(&CHECK);
    for fld in &ctx.facts.fields {
        let dt = &ctx.catalog.data[fld.data_type];
        if !dt.card {
            continue;
        }
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
                "{} is stored in `{owner}{}`, but privacy.toml claims no card storage",
                dt.name.to_lowercase(),
                fld.field
            ),
        );
        f.category = Some(fld.category.clone());
        f.evidence = fld.snippet.clone();
        f.label = "card data stored here".into();
        f.subject = format!("{owner}{}", fld.field);
        f.help = Some(
            "store the payment processor's token (and last4/brand) instead of the card data".into(),
        );
        out.push(f);
    }
}
