//! The programme's registers: staff accounts (admins); lawyers and firms, streets and communities
//! (the district's staff); assignments in bulk (staff).

use super::endpoint::{endpoints, Access};
use crate::model::{
    AssignmentImportReport, AssignmentsCsv, CommunityPlace, Empty, FirmEdit, LawyerAccountEdit, LawyerEdit,
    LawyersQuery, LawyersRegister, MemberAdd, MemberRemove, Places, PlacesRequest, RetireCommunityRequest,
    RetireLawyerRequest, RetireStreetRequest, Retired, RetiredCommunity, StaffAccountEdit, StaffAccounts, StreetEdit,
};

endpoints! {
    /// Every staff and admin account, and the streets. Admins only.
    GetStaffAccounts = "admin/staff-accounts", Empty => StaffAccounts, Access::ADMINS;

    /// Creates or changes a staff or admin account: role, street, phone, password, disabled. Admins.
    SaveStaffAccount = "admin/save-staff-account", StaffAccountEdit => StaffAccounts, Access::ADMINS;

    /// Checks a CSV table of assignments row by row, and makes them when asked and no row is wrong.
    /// Staff and admins (a street's staff, for their street).
    ImportAssignments = "staff/import-assignments", AssignmentsCsv => AssignmentImportReport, Access::STAFF;

    /// The lawyers' register: lawyers matching a filter, their roles today, every firm. The
    /// district's staff and admins.
    GetLawyers = "staff/lawyers", LawyersQuery => LawyersRegister, Access::District;

    /// Corrects a lawyer's name, firm, licence number and verification. The district's staff.
    SaveLawyer = "staff/save-lawyer", LawyerEdit => LawyersRegister, Access::District;

    /// Gives a lawyer a sign-in (phone and first password), or changes it (their sessions end).
    /// The district's staff.
    SetLawyerAccount = "staff/lawyer-account", LawyerAccountEdit => Empty, Access::District;

    /// A lawyer leaves the programme after a day: assignments and duty end, their bookings after
    /// it are handed over or cancelled, in one transaction. The district's staff and admins.
    RetireLawyer = "staff/retire-lawyer", RetireLawyerRequest => Retired, Access::District;

    /// Creates or corrects a law firm. The district's staff.
    SaveFirm = "staff/save-firm", FirmEdit => LawyersRegister, Access::District;

    /// Every street, and the communities of the street asked for. The district's staff and admins.
    GetPlaces = "staff/places", PlacesRequest => Places, Access::District;

    /// Creates, renames or reorders a street. The district's staff.
    SaveStreet = "staff/save-street", StreetEdit => Places, Access::District;

    /// Creates a community, or renames it and moves it to another street. The district's staff.
    SaveCommunity = "staff/save-community", CommunityPlace => Places, Access::District;

    /// A community leaves the programme after a day: its duty and team end, its residents and open
    /// questions go to its successor, its bookings after the day are handed over or cancelled, in one
    /// transaction. The district's staff and admins.
    RetireCommunity = "staff/retire-community", RetireCommunityRequest => RetiredCommunity, Access::District;

    /// A street leaves the programme after a day, once all its communities have. The district's
    /// staff and admins.
    RetireStreet = "staff/retire-street", RetireStreetRequest => Places, Access::District;

    /// Adds a member (assistant, volunteer, expert) to a lawyer's team. The district's staff.
    AddMember = "staff/add-member", MemberAdd => LawyersRegister, Access::District;

    /// Takes a member off a lawyer's team. The district's staff.
    RemoveMember = "staff/remove-member", MemberRemove => LawyersRegister, Access::District;
}
