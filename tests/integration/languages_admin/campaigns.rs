//! The campaigns pages in German (see ../languages_admin.rs).
