/** Tests get every lazily loaded part of the simulation up front, as headless callers do. */
import * as etcd04 from '../src/etcd/v04/index.ts';
import * as httpExtras from '../src/etcd/http-extras.ts';
import { provideEtcd04, provideEtcdHttpExtras } from '../src/lazy-modules.ts';

provideEtcd04(etcd04);
provideEtcdHttpExtras(httpExtras);
