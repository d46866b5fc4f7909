use serde::{Deserialize, Serialize};

/// What an account is for. Each endpoint declares the roles it lets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 居民: books, asks, reads.
    Resident,
    /// 社区法律顾问.
    Lawyer,
    /// A lawyer's assistant (the second "1" of 1+1+N); acts on a lawyer's behalf, with attribution.
    Assistant,
    /// 司法局 / 司法所 staff: watches coverage, manages the programme.
    Staff,
    /// Manages accounts and settings.
    Admin,
    /// Staff of a body that receives referrals: the legal-aid centre, a mediation committee, a
    /// notary office. Sees only its own organisation's referrals.
    Agency,
}

stored_names!(Role { Resident = "resident", Lawyer = "lawyer", Assistant = "assistant", Staff = "staff", Admin = "admin", Agency = "agency" });

impl Role {
    /// Staff and admins see every community.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }

    /// Lawyers and their assistants work a community's desk.
    pub fn is_adviser(self) -> bool {
        matches!(self, Role::Lawyer | Role::Assistant)
    }
}

/// A lawyer's part in a community's adviser team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssignmentRole {
    /// A角: the community's own adviser.
    A,
    /// B角: backs the A lawyer up.
    B,
    /// 统筹: covers several communities and fills gaps.
    Coordinator,
}

stored_names!(AssignmentRole { A = "a", B = "b", Coordinator = "coordinator" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_db(role.as_str()), Some(*role));
        }
        for role in AssignmentRole::ALL {
            assert_eq!(AssignmentRole::from_db(role.as_str()), Some(*role));
        }
        assert_eq!(AssignmentRole::ALL.len(), 3);
        assert_eq!(Role::from_db("root"), None);
    }
}
