// Asks the resident to allow subscription messages (订阅消息) and tells the portal which, named
// by a fresh login code. Each allowance lets the portal send one message of that kind to WeChat;
// without one it sends an SMS.
const { PORTAL } = require('../../config.js');

Page({
  data: { templates: [], busy: false, status: '' },

  onLoad() {
    wx.request({
      url: `${PORTAL}/wechat/templates`,
      success: ({ statusCode, data }) => {
        // WeChat asks for at most three templates at once.
        if (statusCode === 200) this.setData({ templates: data.templates.slice(0, 3) });
      },
    });
  },

  // Called by the tap itself: WeChat shows its dialog only to a resident's own action.
  allow() {
    const tmplIds = this.data.templates;
    this.setData({ busy: true, status: '' });
    wx.requestSubscribeMessage({
      tmplIds,
      success: (result) => {
        const accepted = tmplIds.filter((id) => result[id] === 'accept');
        if (!accepted.length) return this.setData({ busy: false, status: '未允许，通知将以短信发送' });
        wx.login({
          success: ({ code }) => this.report(code, accepted),
          fail: () => this.setData({ busy: false, status: '暂时无法登记，请稍后再试' }),
        });
      },
      fail: () => this.setData({ busy: false, status: '暂时无法登记，请稍后再试' }),
    });
  },

  report(code, accepted) {
    wx.request({
      url: `${PORTAL}/wechat/subscribed`,
      method: 'POST',
      data: { code, accepted },
      success: ({ statusCode }) => {
        const status =
          statusCode === 200 ? '已登记，下一条通知将发到微信' : statusCode === 404 ? '请先在“法律顾问”页登录' : '暂时无法登记，请稍后再试';
        this.setData({ busy: false, status });
      },
      fail: () => this.setData({ busy: false, status: '暂时无法登记，请稍后再试' }),
    });
  },
});
