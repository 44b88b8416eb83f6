//! Mail: templates and MIME messages.
//!
//! ```text
//! PreparedCampaign::prepare(source)             once per campaign (Markdown, layout, CSS, text part)
//!   .render(fields, links) -> RenderedMessage   per contact: fill the fields
//! Message { .. }.write_to(&mut buf)             MIME bytes
//! ```

mod html_text;
pub mod message;
pub mod template;

pub use message::{Mailbox, Message, MessageError, MessageId};
pub use template::{BodyFormat, CampaignSource, Limits, PreparedCampaign, RenderedMessage, SystemLinks, TemplateError};
