//! OpenAPI schemas for wire fields whose Rust type says less than the server
//! checks: a web origin's shape, a row-level-security value, the permission
//! map's resources. Only the embed server's generated document uses them
//! (feature `openapi`).

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::vocabulary::Level;

/// A web origin: `https://host[:port]`, or `http://` for this computer.
pub struct Origin;

/// The shape of an origin the server accepts (it also normalises case and a
/// default port; see [`crate::origins`]).
pub const ORIGIN_PATTERN: &str = r"^(https://[A-Za-z0-9.-]+|http://(localhost|127\.0\.0\.1|\[::1\]))(:[0-9]{1,5})?/?$";

impl PartialSchema for Origin {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(ORIGIN_PATTERN))
            .max_length(Some(crate::origins::MAX_ORIGIN_BYTES))
            .description(Some("https://host[:port], or http:// for localhost"))
            .into()
    }
}

impl ToSchema for Origin {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Origin")
    }
}

/// A row-level-security attribute's value: a string, number or boolean, or a
/// list of those.
pub struct AttributeValue;

fn scalar() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Number, Type::Boolean]))
}

impl PartialSchema for AttributeValue {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(scalar())
            .item(ArrayBuilder::new().items(scalar()))
            .into()
    }
}

impl ToSchema for AttributeValue {}

/// What a token may do: for each resource, the levels granted on it.
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Permissions {
    /// Dashboards.
    dashboard: Option<Vec<Level>>,
    /// Charts.
    chart: Option<Vec<Level>>,
    /// Databases.
    database: Option<Vec<Level>>,
    /// The AI assistant.
    ai: Option<Vec<Level>>,
}
