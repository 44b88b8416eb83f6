//! The contacts pages in German (see ../languages_admin.rs).
