//! Umbrella SDKs: one package for many services (boto3 for AWS, googleapis and
//! google-api-python-client for Google), so the package names no processor. The service is the
//! string or member in the call that builds a client: `boto3.client("s3")`,
//! `google.drive({ version: 'v3' })`, `build("gmail", "v1")`.

use super::FileCtx;
use crate::catalog::matcher::Lang;
use std::sync::OnceLock;

struct Umbrella {
    /// The file must mention one of these to be read at all.
    trigger: &'static [&'static str],
    lang: Lang,
    /// Group 1 is the service name.
    call: &'static str,
    /// Service name -> catalog processor id.
    services: &'static [(&'static str, &'static str)],
}

const UMBRELLAS: &[Umbrella] = &[
    Umbrella {
        trigger: &["boto"],
        lang: Lang::Python,
        call: r#"\.(?:client|resource|create_client)\(\s*(?:service_name\s*=\s*)?['"]([a-z0-9-]+)['"]"#,
        services: &[
            ("s3", "aws-s3"),
            ("ses", "aws-ses"),
            ("sesv2", "aws-ses"),
            ("sns", "aws-sns"),
            ("sqs", "aws-sqs"),
            ("dynamodb", "aws-dynamodb"),
            ("dynamodbstreams", "aws-dynamodb"),
            ("lambda", "aws-lambda"),
            ("rekognition", "aws-rekognition"),
            ("cognito-idp", "aws-cognito"),
            ("cognito-identity", "aws-cognito"),
            ("bedrock", "aws-bedrock"),
            ("bedrock-runtime", "aws-bedrock"),
            ("bedrock-agent-runtime", "aws-bedrock"),
            ("cloudfront", "aws-cloudfront"),
            ("elb", "aws-elb"),
            ("elbv2", "aws-elb"),
        ],
    },
    Umbrella {
        trigger: &["googleapiclient"],
        lang: Lang::Python,
        call: r#"\bbuild\(\s*(?:serviceName\s*=\s*)?['"]([a-z0-9]+)['"]"#,
        services: GOOGLE,
    },
    Umbrella {
        trigger: &["googleapis"],
        lang: Lang::Js,
        call: r"\bgoogle\.([a-z0-9]+)\s*\(",
        services: GOOGLE,
    },
];

const GOOGLE: &[(&str, &str)] = &[
    ("drive", "google-drive"),
    ("sheets", "google-sheets"),
    ("gmail", "gmail"),
    ("youtube", "youtube"),
    ("translate", "google-translate"),
    ("vision", "google-cloud-vision"),
    ("bigquery", "google-bigquery"),
    ("storage", "google-cloud-storage"),
    ("pubsub", "google-cloud-pubsub"),
    ("analytics", "google-analytics"),
    ("analyticsdata", "google-analytics"),
    ("analyticsreporting", "google-analytics"),
];

pub fn extract(ctx: &mut FileCtx, lang: Lang) {
    static CALLS: OnceLock<Vec<regex::Regex>> = OnceLock::new();
    let calls = CALLS.get_or_init(|| {
        UMBRELLAS
            .iter()
            .map(|u| regex::Regex::new(u.call).unwrap())
            .collect()
    });
    let text = ctx.text;
    let mut hits: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
    for (u, re) in UMBRELLAS.iter().zip(calls) {
        if u.lang != lang || !u.trigger.iter().any(|t| text.contains(t)) {
            continue;
        }
        for c in re.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..m.start()];
            if before.contains('#') || before.contains("//") {
                continue; // commented out
            }
            if let Some((_, id)) = u.services.iter().find(|(s, _)| *s == m.as_str()) {
                hits.push((id, m.range()));
            }
        }
    }
    for (id, span) in hits {
        ctx.use_of(id, crate::fact::EvidenceKind::Import, span);
    }
}
