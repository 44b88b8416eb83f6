//! The access pages in German (see ../languages_admin.rs).
