//! The summary as the payload carries it: the fields in declaration order,
//! as serde would write them (a test holds the two to each other).

use super::{Hop, Responder, TraceFormat, TraceSummary};
use crate::json::{Object, ToJson};

impl ToJson for TraceFormat {
    fn write_json(&self, out: &mut String) {
        self.id().write_json(out);
    }
}

impl ToJson for Responder {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("address", &self.address)
            .field("name", &self.name)
            .field("asn", &self.asn);
        o.end();
    }
}

impl ToJson for Hop {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("hop", &self.hop)
            .field("responders", &self.responders)
            .field("rtts_ms", &self.rtts_ms)
            .field("lost", &self.lost)
            .field("loss_pct", &self.loss_pct)
            .field("avg_ms", &self.avg_ms)
            .field("best_ms", &self.best_ms)
            .field("worst_ms", &self.worst_ms);
        o.end();
    }
}

impl ToJson for TraceSummary {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("format", &self.format)
            .field("hop_count", &self.hop_count)
            .field("destination", &self.destination)
            .field("destination_name", &self.destination_name)
            .field("reached", &self.reached)
            .field("final_loss_pct", &self.final_loss_pct)
            .field("loss_onset_hop", &self.loss_onset_hop)
            .field("worst_hop", &self.worst_hop)
            .field("hops", &self.hops);
        o.end();
    }
}
