//! Private files between residents and their lawyers. The bytes go up through
//! `POST /api/files/upload` and come down through `GET /files/<token>` (plain HTTP, see the
//! server's `files` module); these functions attach, list and delete them.

use super::endpoint::{endpoints, Access};
use crate::domain::Role;
use crate::model::{Empty, FileRequest, ShareRequest, SharedFile};

endpoints! {
    /// Attaches an upload to a resident's matter: 我的资料, or a booking.
    ShareFile = "files/share", ShareRequest => SharedFile, Access::Roles(&[Role::Resident, Role::Lawyer, Role::Assistant]);

    /// The calling resident's files (我的资料), with what their lawyers shared back.
    MyFiles = "files/mine", Empty => Vec<SharedFile>, Access::RESIDENTS;

    /// Residents' files on the matters the calling lawyer works on (all, for staff).
    ResidentsFiles = "files/residents", Empty => Vec<SharedFile>, Access::DESK;

    /// Deletes a file the caller shared (a resident may delete any file of theirs at any time).
    DeleteFile = "files/delete", FileRequest => Empty, Access::Roles(&[Role::Resident, Role::Lawyer, Role::Assistant]);
}
