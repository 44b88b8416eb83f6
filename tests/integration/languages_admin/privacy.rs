//! The privacy pages in German (see ../languages_admin.rs).
