//! The special groups the programme serves first (绿色通道), named the same on every page and
//! in both front ends: a small table, so the workbench carries only these.

use crate::domain::SpecialGroup;

texts! {
    /// The special groups' names.
    GroupTexts {
        special_group: "特殊群体", "Special group";
        none: "无", "None";
        migrant_worker: "农民工", "Migrant worker";
        disabled: "残疾人", "Person with a disability";
        military_family: "军人军属", "Serviceman or family";
        minor: "未成年人", "Minor";
        elderly: "老年人", "Elderly";
    }
}

impl GroupTexts {
    /// A group's name.
    pub fn group(&self, group: SpecialGroup) -> &'static str {
        match group {
            SpecialGroup::MigrantWorker => self.migrant_worker,
            SpecialGroup::Disabled => self.disabled,
            SpecialGroup::MilitaryFamily => self.military_family,
            SpecialGroup::Minor => self.minor,
            SpecialGroup::Elderly => self.elderly,
        }
    }
}
