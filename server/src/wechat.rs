//! WeChat, where residents are. The portal runs inside a mini-program's web-view (its shell is
//! the `wechat/` folder): the shell's entry hands the portal the mini-program's login code, which
//! signs a resident in once their phone is bound; messages they allowed (订阅消息) go to WeChat,
//! the rest by SMS, and the in-app inbox has them all.

pub mod accounts;
pub mod api;
pub mod deliver;
pub mod settings;
pub mod tokens;
