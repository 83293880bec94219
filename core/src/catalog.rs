//! The 15 ticket categories of the scope of service, in its 3 groups, as typed
//! data. Ids are stable: they travel in payloads and name the Fluent messages
//! that hold each category's title and scope guidance.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Inquiry,
    Technical,
    China,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Inquiry, Group::Technical, Group::China];

    pub fn id(self) -> &'static str {
        match self {
            Group::Inquiry => "inquiry",
            Group::Technical => "technical",
            Group::China => "china",
        }
    }

    pub fn categories(self) -> impl Iterator<Item = &'static Category> {
        CATEGORIES.iter().filter(move |c| c.group == self)
    }
}

/// A category-specific field. Common fields (email, name, service, subject,
/// message) are asked for in every category and are not listed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The IP address the ticket is about.
    Ip,
    /// An MTR or traceroute paste.
    Trace,
    /// Which way the routing problem goes.
    Direction,
    /// The OS or OS template concerned.
    OsTemplate,
    /// The order or invoice number a refund is about.
    OrderNumber,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Ip,
        Field::Trace,
        Field::Direction,
        Field::OsTemplate,
        Field::OrderNumber,
    ];

    /// The key of this field in the payload's `fields` object.
    pub fn id(self) -> &'static str {
        match self {
            Field::Ip => "ip",
            Field::Trace => "trace",
            Field::Direction => "direction",
            Field::OsTemplate => "os_template",
            Field::OrderNumber => "order_number",
        }
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn kind(self) -> FieldKind {
        match self {
            Field::Ip => FieldKind::Ip,
            Field::Trace => FieldKind::Trace,
            Field::Direction => FieldKind::Choice(DIRECTIONS),
            Field::OsTemplate => FieldKind::Text { max_chars: 120 },
            Field::OrderNumber => FieldKind::Text { max_chars: 64 },
        }
    }
}

/// The allowed values of [`Field::Direction`].
pub const DIRECTIONS: &[&str] = &["to_server", "from_server", "both"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text { max_chars: usize },
    Ip,
    Trace,
    Choice(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub field: Field,
    pub required: bool,
}

const fn required(field: Field) -> FieldSpec {
    FieldSpec {
        field,
        required: true,
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Category {
    /// Stable id, `group.name`, e.g. `technical.routing`.
    pub id: &'static str,
    pub group: Group,
    pub fields: &'static [FieldSpec],
    /// Technical tickets are about one server, so support needs to know which.
    pub service_required: bool,
    /// The scope of service states what this category does not include.
    pub has_exclusion: bool,
    /// Extra guidance shown with the fields (e.g. where KYC documents go).
    pub has_notice: bool,
}

impl Category {
    pub fn field_spec(&self, field: Field) -> Option<&FieldSpec> {
        self.fields.iter().find(|s| s.field == field)
    }

    /// The id with `.` replaced by `-`, as used in Fluent message ids.
    pub fn slug(&self) -> String {
        self.id.replace('.', "-")
    }
}

const fn category(id: &'static str, group: Group, fields: &'static [FieldSpec]) -> Category {
    Category {
        id,
        group,
        fields,
        service_required: matches!(group, Group::Technical),
        has_exclusion: false,
        has_notice: false,
    }
}

pub static CATEGORIES: [Category; 15] = [
    category("inquiry.price", Group::Inquiry, &[]),
    category("inquiry.plan", Group::Inquiry, &[]),
    category("inquiry.discount", Group::Inquiry, &[]),
    category(
        "inquiry.refund",
        Group::Inquiry,
        &[required(Field::OrderNumber)],
    ),
    category(
        "technical.boot",
        Group::Technical,
        &[required(Field::OsTemplate)],
    ),
    category(
        "technical.os-template",
        Group::Technical,
        &[required(Field::OsTemplate)],
    ),
    category("technical.nic", Group::Technical, &[required(Field::Ip)]),
    category("technical.ip", Group::Technical, &[required(Field::Ip)]),
    category(
        "technical.routing",
        Group::Technical,
        &[required(Field::Trace), required(Field::Direction)],
    ),
    Category {
        has_exclusion: true,
        ..category("technical.general", Group::Technical, &[])
    },
    Category {
        has_notice: true,
        ..category("china.kyc", Group::China, &[])
    },
    category("china.abuse", Group::China, &[]),
    category("china.procedures", Group::China, &[]),
    category("china.product-line", Group::China, &[]),
    category("china.other", Group::China, &[]),
];

pub fn find(id: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_categories_in_three_groups_in_seed_order() {
        assert_eq!(CATEGORIES.len(), 15);
        let counts: Vec<usize> = Group::ALL.iter().map(|g| g.categories().count()).collect();
        assert_eq!(counts, [4, 6, 5]);
        // Groups are contiguous, in the order of the scope of service.
        let groups: Vec<Group> = CATEGORIES.iter().map(|c| c.group).collect();
        let mut sorted = groups.clone();
        sorted.sort_by_key(|g| Group::ALL.iter().position(|x| x == g));
        assert_eq!(groups, sorted);
    }

    #[test]
    fn ids_are_unique_and_prefixed_by_their_group() {
        let mut ids: Vec<&str> = CATEGORIES.iter().map(|c| c.id).collect();
        for c in &CATEGORIES {
            assert!(c.id.starts_with(&format!("{}.", c.group.id())), "{}", c.id);
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 15);
    }

    #[test]
    fn routing_needs_a_trace_and_a_direction() {
        let routing = find("technical.routing").unwrap();
        assert!(routing.field_spec(Field::Trace).unwrap().required);
        assert!(routing.field_spec(Field::Direction).unwrap().required);
        assert!(routing.service_required);
    }

    #[test]
    fn category_fields_match_the_scope() {
        assert!(
            find("technical.nic")
                .unwrap()
                .field_spec(Field::Ip)
                .is_some()
        );
        assert!(
            find("technical.ip")
                .unwrap()
                .field_spec(Field::Ip)
                .is_some()
        );
        assert!(
            find("technical.boot")
                .unwrap()
                .field_spec(Field::OsTemplate)
                .is_some()
        );
        assert!(
            find("inquiry.refund")
                .unwrap()
                .field_spec(Field::OrderNumber)
                .is_some()
        );
        assert!(find("china.kyc").unwrap().has_notice);
        assert!(find("technical.general").unwrap().has_exclusion);
        assert!(find("nope").is_none());
    }

    #[test]
    fn field_ids_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_id(f.id()), Some(f));
        }
    }
}
