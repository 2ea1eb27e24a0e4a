/**
 * coreos-vagrant's `user-data.sample` (2016): etcd2 with $public_ipv4/$private_ipv4 URLs, fleet,
 * flannel and the four units. The sample ships the discovery line commented out with a `<token>`
 * placeholder; here it is switched on with a fresh URL, as the sample tells one to do.
 */
export function vagrantUserData(discoveryUrl: string): string {
  return `#cloud-config

# Note: Defining the ssh_authorized_keys section via userdata
# will override the default Vagrant key defined in the oem-vagrant overlay
# and quite likely break things
#
# https://github.com/coreos/coreos-overlay/blob/master/coreos-base/oem-vagrant/files/cloud-config.yml

coreos:
  etcd2:
    #generate a new token for each unique cluster from https://discovery.etcd.io/new
    discovery: ${discoveryUrl}
    # multi-region and multi-cloud deployments need to use $public_ipv4
    advertise-client-urls: http://$public_ipv4:2379
    initial-advertise-peer-urls: http://$private_ipv4:2380
    # listen on both the official ports and the legacy ports
    # legacy ports can be omitted if your application doesn't depend on them
    listen-client-urls: http://0.0.0.0:2379,http://0.0.0.0:4001
    listen-peer-urls: http://$private_ipv4:2380,http://$private_ipv4:7001
  fleet:
    public-ip: $public_ipv4
  flannel:
    interface: $public_ipv4
  units:
    - name: etcd2.service
      command: start
    - name: fleet.service
      command: start
    - name: flanneld.service
      drop-ins:
      - name: 50-network-config.conf
        content: |
          [Service]
          ExecStartPre=/usr/bin/etcdctl set /coreos.com/network/config '{ "Network": "10.1.0.0/16" }'
      command: start
    - name: docker-tcp.socket
      command: start
      enable: true
      content: |
        [Unit]
        Description=Docker Socket for the API

        [Socket]
        ListenStream=2375
        Service=docker.service
        BindIPv6Only=both

        [Install]
        WantedBy=sockets.target
`;
}

/**
 * The same machines bootstrapped statically (no discovery): every member named after its host
 * (`%H`, which systemd expands in the drop-in), the initial cluster listing them all. What a
 * learner writes when there is no discovery service; tests use it for fixed member IDs.
 */
export function staticUserData(machines: { name: string; ip: string }[]): string {
  const cluster = machines.map((m) => `${m.name}=http://${m.ip}:2380`).join(',');
  return `#cloud-config

coreos:
  etcd2:
    name: "%H"
    initial-cluster: ${cluster}
    advertise-client-urls: http://$public_ipv4:2379
    initial-advertise-peer-urls: http://$private_ipv4:2380
    listen-client-urls: http://0.0.0.0:2379,http://0.0.0.0:4001
    listen-peer-urls: http://$private_ipv4:2380,http://$private_ipv4:7001
  fleet:
    public-ip: $public_ipv4
  units:
    - name: etcd2.service
      command: start
    - name: fleet.service
      command: start
`;
}
