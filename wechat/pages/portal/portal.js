// The portal in a web-view. Its first address carries a fresh login code: the portal signs in
// the resident bound to this WeChat user, or asks for the phone once and binds it.
const { PORTAL } = require('../../config.js');

/** A path of the portal (never another site), from a page query or a shared link. */
function portalPath(to) {
  const path = to ? decodeURIComponent(to) : '/';
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

Page({
  data: { src: '' },

  onLoad(query) {
    const to = portalPath(query.to);
    wx.login({
      success: ({ code }) => {
        this.setData({ src: `${PORTAL}/wechat/enter?code=${encodeURIComponent(code)}&to=${encodeURIComponent(to)}` });
      },
      // Without a code the portal still opens; the resident signs in by phone.
      fail: () => this.setData({ src: PORTAL + to }),
    });
  },

  // A shared page opens at the same place, titled by the portal (a community by its name).
  onShareAppMessage({ webViewUrl }) {
    const url = webViewUrl || PORTAL;
    const path = portalPath(url.startsWith(PORTAL) ? url.slice(PORTAL.length).split('?')[0] || '/' : '/');
    const share = { title: '法i社区 · 社区法律顾问', path: `/pages/portal/portal?to=${encodeURIComponent(path)}` };
    share.promise = new Promise((resolve) => {
      wx.request({
        url: `${PORTAL}/wechat/share`,
        data: { path },
        success: ({ statusCode, data }) => resolve(statusCode === 200 ? { ...share, title: data.title } : share),
        fail: () => resolve(share),
      });
    });
    return share;
  },
});
